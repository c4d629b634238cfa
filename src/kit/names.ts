/**
 * Names the manifest and the code share, in one place the compiler checks: setting keys and when-clause
 * context keys. (Command ids are typed from package.json in commandIds.ts.) A unit test ties both tables
 * to package.json.
 */

/** Settings under `contributes.configuration`. */
export const SETTINGS = {
  dataFolder: 'mentorship.dataFolder',
  notebookFolders: 'mentorship.notebookFolders',
  myEmail: 'mentorship.myEmail',
  githubApiUrl: 'mentorship.reviews.githubApiUrl',
  gitlabApiUrl: 'mentorship.reviews.gitlabApiUrl',
} as const;

export type SettingKey = (typeof SETTINGS)[keyof typeof SETTINGS];

/** Context keys set with `setContext`, used in when-clauses of package.json. */
export const CONTEXT = {
  hasData: 'mentorship:hasData',
  dataFolderExists: 'mentorship:dataFolderExists',
  hasNotebook: 'mentorship:hasNotebook',
  showInactive: 'mentorship:showInactive',
  sessionInProgress: 'mentorship:sessionInProgress',
  isMentee: 'mentorship:isMentee',
  openReposOnly: 'mentorship:openReposOnly',
} as const;

export type ContextKey = (typeof CONTEXT)[keyof typeof CONTEXT];

/** A setting's section and name, as `getConfiguration(section).get(name)` takes them. */
export function splitSetting(key: SettingKey): { section: string; name: string } {
  const i = key.lastIndexOf('.');
  return { section: key.slice(0, i), name: key.slice(i + 1) };
}
