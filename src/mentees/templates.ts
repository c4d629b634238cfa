/** Starter files written by "Mentorship: Initialize": commented, so the format explains itself. */

/** mentor.yaml as Initialize writes it; `name` is how feedback and threads name the mentor. */
export function mentorTemplate(name = ''): string {
  return `# Your mentor profile (step 1 of good mentoring: self-reflection).
# What you bring: the dashboard shows it next to each mentee as "what you can offer".
version: 1
name: ${JSON.stringify(name)}
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
