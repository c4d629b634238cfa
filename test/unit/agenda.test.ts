/** The shared agenda: topics either side adds, offered to the next session and marked discussed by it. */
import * as assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openAgenda, topicsFromMentee } from '../../src/core/domain/agenda';
import { addAgendaTopic } from '../../src/core/operations/changes';
import type { Mentee } from '../../src/core/domain/model';
import { runOperation } from '../../src/core/operations/run';
import { parseDraft, renderDraft } from '../../src/core/render/sessionDraft';
import { menteeStatusLine, statusLine } from '../../src/core/render/statusLine';
import { groupChildren, menteeChildren, rootNodes } from '../../src/core/render/treeModel';
import { parseMentee } from '../../src/core/storage/parse';
import { MentorshipStore, type MenteeFile } from '../../src/core/storage/store';
import { conflictMarkerLine } from '../../src/core/storage/markers';
import { NodeFileSystem } from '../../src/platform/nodeFs';

const ANA = `version: 1
name: Ana Souza
email: ana@example.com
status: active
cadence: biweekly
goals: []
sessions:
  - id: s-2026-11-20
    date: 2026-11-20
    actions:
      - { id: a-1, text: Read the chapter on fixtures, owner: mentee }
      - { id: a-2, text: Find a reviewer, owner: mentor }
feedback: []
agenda:
  - id: t-split
    text: How to split the design doc
    by: mentee
    added: 2026-11-22
  - id: t-review
    text: Can I lead the next design review?
    by: mentee
    added: 2026-11-24
  - id: t-old
    text: Pairing on Fridays
    by: mentor
    discussed: s-2026-11-20
`;

function file(text: string, slug = 'ana-souza'): MenteeFile {
  const p = parseMentee(text);
  assert.ok(p.data, JSON.stringify(p.problems));
  return { kind: 'mentee', path: `/ws/.mentorship/mentees/${slug}.yaml`, slug, hash: '', problems: p.problems, data: p.data };
}

async function store(text: string): Promise<{ s: MentorshipStore; path: string }> {
  const root = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), 'mentorship-agenda-')), '.mentorship');
  await fsp.mkdir(path.join(root, 'mentees'), { recursive: true });
  const p = path.join(root, 'mentees', 'ana-souza.yaml');
  await fsp.writeFile(p, text);
  const s = new MentorshipStore(new NodeFileSystem(), root);
  await s.load();
  return { s, path: p };
}

describe('shared agenda', () => {
  it('open topics are those no session took up; the mentor is told how many came from the mentee', () => {
    const m = file(ANA).data!;
    assert.deepEqual(openAgenda(m).map((t) => t.id), ['t-split', 't-review']);
    assert.equal(topicsFromMentee(m).length, 2);
    const [row] = rootNodes([file(ANA)], { today: '2026-11-28', showInactive: true });
    assert.match(row.description ?? '', / · 2 topics from Ana$/);
    const groups = menteeChildren(file(ANA), { today: '2026-11-28', showInactive: true });
    const agenda = groups.find((g) => g.group === 'agenda');
    assert.deepEqual([agenda?.label, agenda?.description], ['Agenda', '2']);
    const topics = groupChildren(file(ANA), 'agenda', { today: '2026-11-28', showInactive: true });
    assert.deepEqual(topics.map((t) => [t.label, t.description]), [
      ['How to split the design doc', 'Ana · 2026-11-22'],
      ['Can I lead the next design review?', 'Ana · 2026-11-24'],
    ]);
    // In the status bar with the 1:1 they are for; every mentee's topics in its hover.
    assert.match(statusLine([file(ANA)], 0, '2026-11-28').text, /1:1 with Ana Souza in 6 d · 2 topics from Ana/);
    const mei = file(ANA.replace('name: Ana Souza', 'name: Mei Chen').replace('cadence: biweekly', 'cadence: weekly').replace(/agenda:[\s\S]*$/, ''), 'mei-chen');
    const both = statusLine([file(ANA), mei], 0, '2026-11-28');
    assert.match(both.text, /1:1 with Mei Chen/);
    assert.doesNotMatch(both.text, /topic/);
    assert.match(both.tooltip, /2 topics from Ana/);
    // Without open topics there is no agenda row and nothing to point out.
    const none = file(ANA.replace(/agenda:[\s\S]*$/, 'agenda: []\n'));
    assert.equal(menteeChildren(none, { today: '2026-11-28', showInactive: true }).some((g) => g.group === 'agenda'), false);
    assert.doesNotMatch(statusLine([none], 0, '2026-11-28').text, /topic/);
  });

  it('in the mentee’s own view: their action items only, their topics as theirs', () => {
    const opts = { today: '2026-11-28', showInactive: true, mine: true };
    const actions = menteeChildren(file(ANA), opts).find((g) => g.group === 'actions');
    assert.equal(actions?.description, '1');
    assert.deepEqual(groupChildren(file(ANA), 'actions', opts).map((a) => a.label), ['Read the chapter on fixtures']);
    assert.equal(groupChildren(file(ANA), 'agenda', opts)[0].description, 'you · 2026-11-22');
    // Their status bar: their next 1:1 and what they own, nothing of the mentor's other mentees.
    assert.deepEqual(menteeStatusLine(file(ANA).data!, '2026-11-28'), { text: 'My mentorship · next 1:1 in 6 d · 1 action item to do', tooltip: 'Ana Souza' });
  });

  it('Add Agenda Topic appends a topic with who added it and when, keeping the file as written', async () => {
    const { s, path: p } = await store(ANA);
    await s.edit(p, addAgendaTopic('How to split the design doc', 'mentor', '2026-11-28'));
    const text = readFileSync(p, 'utf8');
    assert.ok(text.startsWith(ANA));
    const added = s.file(p)!.data!.agenda!.at(-1)!;
    assert.deepEqual(added, { id: 't-how-to-split-the-design-doc', text: 'How to split the design doc', by: 'mentor', added: '2026-11-28' });
  });

  it('a session that takes topics up marks them discussed with its own id, in the same write', async () => {
    const { s, path: p } = await store(ANA);
    // The id the session asked for is taken: the topics point at the id it really gets.
    await runOperation(s, 'logSession', p, { id: 's-2026-11-20', date: '2026-11-28', topics: ['How to split the design doc'], agendaDiscussed: ['t-split', 't-gone'] });
    const m = s.file(p)!.data as Mentee;
    const session = m.sessions.at(-1)!;
    assert.notEqual(session.id, 's-2026-11-20');
    assert.equal(m.agenda?.find((t) => t.id === 't-split')?.discussed, session.id);
    assert.deepEqual(openAgenda(m).map((t) => t.id), ['t-review']);
    assert.equal(conflictMarkerLine(readFileSync(p, 'utf8')), undefined);
  });

  it('Start Session lists the open topics; End Session takes the ticked ones as topics and marks them', () => {
    const draft = renderDraft(file(ANA).data!, 'ana-souza', '2026-11-28T09:00:00.000Z', '2026-11-28');
    assert.match(draft, /- \[ \] How to split the design doc <!-- topic:t-split -->/);
    assert.ok(!draft.includes('Pairing on Fridays'), 'a discussed topic is not offered again');
    const ticked = draft.replace('- [ ] Can I lead', '- [x] Can I lead').replace('<!-- topic:t-review -->\n- ', '<!-- topic:t-review -->\n- testing');
    const p = parseDraft(ticked)!;
    assert.deepEqual(p.agendaDiscussed, ['t-review']);
    assert.deepEqual(p.topics, ['Can I lead the next design review?', 'testing']);
    assert.deepEqual(parseDraft(draft)!.topics, [], 'unticked topics are not the session’s');
  });
});
