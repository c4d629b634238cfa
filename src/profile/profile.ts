/** The mentor's own side (step 1, self-reflection): Edit Mentor Profile with guiding questions. */
import * as vscode from 'vscode';
import type { MentorProfile } from '../core/domain/model';
import type { Edit } from '../core/storage/yamlEdit';
import { command } from '../kit/command';
import type { Deps } from '../kit/command';
import { splitList } from '../kit/input';
import { mentorTemplate } from '../mentees/templates';
import { isBack, Wizard } from '../kit/wizard';

export function registerProfile(deps: Deps): void {
  deps.context.subscriptions.push(command(deps, 'mentorship.editMentorProfile', () => editMentorProfile(deps)));
}

/** Guided questions for a first fill; answers are added to what the profile already holds. */
async function editMentorProfile(deps: Deps): Promise<void> {
  const store = deps.ws.requireStore();
  const t = vscode.l10n.t;
  if (!(await vscode.workspace.fs.stat(deps.ws.uri(store.mentorPath)).then(() => true, () => false))) {
    await store.initialize([{ name: 'mentor.yaml', text: mentorTemplate() }]);
  }
  const questions: { key: keyof MentorProfile; prompt: string; placeholder: string }[] = [
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
  await store.editMentor((profile) => {
    const edits: Edit[] = [];
    for (const q of questions) {
      const have = Array.isArray(profile[q.key]) ? (profile[q.key] as string[]) : [];
      for (const item of splitList((answers[q.key] ?? '').replace(/,(?=\s)/g, ';'))) {
        if (!have.includes(item)) {
          edits.push({ op: 'append', path: [q.key], value: item });
        }
      }
    }
    return edits;
  });
  await vscode.window.showTextDocument(deps.ws.uri(store.mentorPath), { preview: false });
}
