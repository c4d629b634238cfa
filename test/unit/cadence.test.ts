import * as assert from 'node:assert/strict';
import { consistency, dueInfo, parseCadence } from '../../src/core/domain/cadence';
import { addDays, addMonths, isValidDate, todayOf } from '../../src/core/domain/dates';
import type { Mentee } from '../../src/core/domain/model';
import { isGoalOverdue, smartMissing } from '../../src/core/domain/smart';

function mentee(over: Partial<Mentee>): Mentee {
  return { version: 1, name: 'T', status: 'active', goals: [], sessions: [], feedback: [], ...over };
}
const sessions = (...dates: string[]): Mentee['sessions'] => dates.map((date, i) => ({ id: `s${i}`, date }));

describe('dates', () => {
  it('validates real calendar dates only', () => {
    assert.ok(isValidDate('2028-02-29'));
    assert.ok(!isValidDate('2026-02-29'));
    assert.ok(!isValidDate('2026-13-01'));
    assert.ok(!isValidDate('2026-1-01'));
  });

  it('adds months, clamping to the end of shorter months', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  });

  it("computes today in a given time zone, across the date line", () => {
    const now = new Date('2026-11-28T23:30:00Z');
    assert.equal(todayOf(now, 0), '2026-11-28');
    assert.equal(todayOf(now, 60), '2026-11-29'); // Amsterdam, winter
    assert.equal(todayOf(now, -300), '2026-11-28'); // New York
    assert.equal(todayOf(new Date('2026-11-28T08:00:00Z'), -600), '2026-11-27'); // Hawaii
    assert.equal(todayOf(new Date('2026-11-28T12:00:00Z'), 840), '2026-11-29'); // Kiribati, UTC+14
  });
});

describe('cadence', () => {
  it('parses the supported rhythms', () => {
    assert.deepEqual(parseCadence('weekly'), { unit: 'days', count: 7 });
    assert.deepEqual(parseCadence('biweekly'), { unit: 'days', count: 14 });
    assert.deepEqual(parseCadence('monthly'), { unit: 'months', count: 1 });
    assert.deepEqual(parseCadence('every 10 days'), { unit: 'days', count: 10 });
    assert.deepEqual(parseCadence('Every 1 day'), { unit: 'days', count: 1 });
  });

  it('next due is one cadence after the last session; overdue days count past it', () => {
    const m = mentee({ cadence: 'biweekly', sessions: sessions('2026-11-03', '2026-11-17') });
    assert.deepEqual(dueInfo(m, '2026-11-28'), { lastSession: '2026-11-17', nextDue: '2026-12-01', dueInDays: 3, overdue: false });
    assert.deepEqual(dueInfo(m, '2026-12-01').dueInDays, 0);
    const late = dueInfo(m, '2026-12-06');
    assert.equal(late.overdue, true);
    assert.equal(late.dueInDays, -5);
  });

  it('monthly cadence across month ends and a leap day', () => {
    const m = mentee({ cadence: 'monthly', sessions: sessions('2028-01-31') });
    assert.equal(dueInfo(m, '2028-02-01').nextDue, '2028-02-29');
    const m2 = mentee({ cadence: 'monthly', sessions: sessions('2026-12-31') });
    assert.equal(dueInfo(m2, '2027-01-05').nextDue, '2027-01-31');
  });

  it('without sessions the first is due one cadence after the start; paused mentees are never due', () => {
    assert.equal(dueInfo(mentee({ cadence: 'weekly', since: '2026-11-20' }), '2026-11-28').nextDue, '2026-11-27');
    assert.equal(dueInfo(mentee({ cadence: 'weekly' }), '2026-11-28').nextDue, '2026-11-28');
    assert.equal(dueInfo(mentee({ status: 'paused', sessions: sessions('2026-01-01') }), '2026-11-28').nextDue, undefined);
  });

  it('consistency is the share of intervals within the cadence over the last six months', () => {
    // Weekly with grace 2 days: gaps 7, 9 (ok), 14 (late), 7; today 3 days after the last.
    const m = mentee({ cadence: 'weekly', sessions: sessions('2026-10-01', '2026-10-08', '2026-10-17', '2026-10-31', '2026-11-07') });
    assert.equal(consistency(m, '2026-11-10'), 3 / 4);
    // Today far past the last session counts as one more late interval.
    assert.equal(consistency(m, '2026-11-30'), 3 / 5);
    // Intervals older than six months do not count.
    const weekly = Array.from({ length: 32 }, (_, i) => addDays('2026-04-01', 7 * i));
    const old = mentee({ cadence: 'weekly', sessions: sessions('2026-01-01', '2026-03-01', ...weekly) });
    assert.equal(consistency(old, addDays(weekly[weekly.length - 1], 3)), 1);
    // A long gap that ended inside the window counts against it.
    const gap = mentee({ cadence: 'weekly', sessions: sessions('2026-03-01', '2026-11-01', '2026-11-08') });
    assert.equal(consistency(gap, '2026-11-10'), 1 / 2);
    assert.equal(consistency(mentee({}), '2026-11-10'), undefined);
  });
});

describe('SMART check', () => {
  it('lists the missing parts; placeholders do not count', () => {
    const g = { id: 'g', title: 'T', status: 'active' as const, progress: 0, specific: 'Ship the API tests', measurable: 'tbd', relevant: '?' };
    assert.deepEqual(smartMissing(g), ['measurable', 'achievable', 'relevant', 'due']);
    assert.deepEqual(smartMissing({ ...g, measurable: '80% coverage', achievable: 'paired', relevant: 'promotion', due: '2026-12-31' }), []);
  });

  it('only active goals past their due date are overdue', () => {
    const g = { id: 'g', title: 'T', status: 'active' as const, progress: 0, due: '2026-11-27' };
    assert.ok(isGoalOverdue(g, '2026-11-28'));
    assert.ok(!isGoalOverdue(g, '2026-11-27'));
    assert.ok(!isGoalOverdue({ ...g, status: 'done' }, '2026-12-28'));
  });
});
