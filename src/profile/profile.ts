/** The mentor's own side (step 1, self-reflection): Edit Mentor Profile with guiding questions. */
import * as vscode from 'vscode';
import { addToProfile } from '../core/operations/changes';
import type { ProfileList } from '../core/operations/changes';
import type { Deps, Flows } from '../kit/command';
import { splitList } from '../kit/input';
import { mentorTemplate } from '../mentees/templates';
import { isBack, Wizard } from '../kit/wizard';

export const PROFILE_FLOWS: Flows = {
  'mentorship.editMentorProfile': (deps) => editMentorProfile(deps),
};

/** Guided questions for a first fill; answers are added to what the profile already holds. */
async function editMentorProfile(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  if (!(await vscode.workspace.fs.stat(deps.ws.uri(store.mentorPath)).then(() => true, () => false))) {
    await store.initialize([{ name: 'mentor.yaml', text: mentorTemplate() }]);
  }
  const questions: { key: ProfileList; prompt: string; placeholder: string }[] = [
    { key: 'strengths', prompt: t('What are you good at, that a mentee could learn from?'), placeholder: t('For example: explaining trade-offs; calm code reviews') },
    { key: 'expertise', prompt: t('Which areas do you know well enough to teach?'), placeholder: t('For example: TypeScript; testing strategy') },
    { key: 'lessons', prompt: t('Which lessons did you learn the hard way?'), placeholder: t('For example: small pull requests get better reviews') },
    { key: 'values', prompt: t('Which values guide how you work?'), placeholder: t('For example: honesty; curiosity') },
  ];
  const answers: Record<string, string> = {};
  await Wizard.run(
    t('Your Mentor Profile'),
    questions.map((q) => async (w: Wizard) => {
      const r = await w.input({ prompt: q.prompt, placeholder: q.placeholder + ' — ' + t('separate with ;, or leave empty'), value: answers[q.key] ?? '' });
      if (isBack(r)) {
        return 'back' as const;
      }
      answers[q.key] = r;
      return 'next' as const;
    }),
    {},
  );
  await store.editMentor(addToProfile(Object.fromEntries(questions.map((q) => [q.key, splitList((answers[q.key] ?? '').replace(/,(?=\s)/g, ';'))]))));
  await vscode.window.showTextDocument(deps.ws.uri(store.mentorPath), { preview: false });
}
