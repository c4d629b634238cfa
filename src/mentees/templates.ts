/** Starter files written by "Mentorship: Initialize": commented, so the format explains itself. */

export function mentorTemplate(): string {
  return `# Your mentor profile (step 1 of good mentoring: self-reflection).
# What you bring: the dashboard shows it next to each mentee as "what you can offer".
version: 1
name: ""
strengths: []        # for example: [listening, explaining trade-offs]
expertise: []        # areas you know well: [TypeScript, distributed systems]
experiences: []      # experiences worth sharing
lessons: []          # lessons you learned the hard way
values: []           # your core values: [honesty, curiosity]
skills:              # mentor skills you practise, with notes
  - skill: active listening
    notes: ""
  - skill: constructive feedback
    notes: ""
`;
}

export function exampleMenteeText(today: string): string {
  return `# One file per mentee. Edit by hand or through the Mentorship view; comments and unknown keys
# are kept. Dates are YYYY-MM-DD. Delete this example when you add your first real mentee.
version: 1
name: Example Mentee
role: Software engineer
since: ${today}
status: active          # active | paused | closed
cadence: biweekly       # weekly | biweekly | monthly | every N days
usualDuration: 45       # minutes
focus: [testing, code review]

goals:
  - id: g-first-goal
    title: Write tests for every bug fix
    specific: Each bug fix comes with a test that fails without the fix
    measurable: All bug-fix pull requests in the quarter include a test
    achievable: One pairing session on test setup, then independently
    relevant: Builds confidence in changing the code
    due: ${today.slice(0, 4)}-12-31
    status: active        # active | done | dropped
    progress: 0           # 0 to 100
    owner: mentee         # mentee | mentor

sessions: []
feedback: []
`;
}
