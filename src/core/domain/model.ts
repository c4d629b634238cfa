/**
 * The Mentorship data model, as it is stored in YAML (`version: 1`).
 *
 * Dates are ISO calendar dates ("2026-11-28") kept as strings: a mentoring date has no time zone.
 * Lines and columns in code anchors are 1-based, as a person reads them; adapters convert to the
 * 0-based positions VS Code uses at their edge.
 */

export const FORMAT_VERSION = 1;

export type IsoDate = string;

export type MenteeStatus = 'active' | 'paused' | 'closed';
export const MENTEE_STATUSES: readonly MenteeStatus[] = ['active', 'paused', 'closed'];

export type GoalStatus = 'active' | 'done' | 'dropped';
export const GOAL_STATUSES: readonly GoalStatus[] = ['active', 'done', 'dropped'];

/** Who owns a goal or an action item. Mentee-owned work is how independence (step 5) shows. */
export type Owner = 'mentee' | 'mentor';
export const OWNERS: readonly Owner[] = ['mentee', 'mentor'];

export type FeedbackKind = 'praise' | 'suggestion' | 'issue' | 'question' | 'nitpick' | 'thought';
export const FEEDBACK_KINDS: readonly FeedbackKind[] = ['praise', 'suggestion', 'issue', 'question', 'nitpick', 'thought'];

/** "weekly", "biweekly", "monthly" or "every N days". */
export type Cadence = string;

export interface CheckIn {
  date: IsoDate;
  progress: number;
  note?: string;
}

export interface Goal {
  id: string;
  title: string;
  specific?: string;
  measurable?: string;
  achievable?: string;
  relevant?: string;
  due?: IsoDate;
  status: GoalStatus;
  progress: number;
  owner?: Owner;
  competency?: string;
  checkIns?: CheckIn[];
}

export interface Resource {
  title?: string;
  url: string;
}

export interface ActionItem {
  id: string;
  text: string;
  owner: Owner;
  due?: IsoDate;
  done?: boolean;
}

export interface Session {
  id: string;
  date: IsoDate;
  /** Minutes. */
  duration?: number;
  topics?: string[];
  notes?: string;
  /** Never exported, never shown outside the mentor's own editor. */
  private?: string;
  advice?: string[];
  resources?: Resource[];
  wins?: string[];
  setbacks?: string[];
  actions?: ActionItem[];
  /** Ids of goals discussed. */
  goals?: string[];
}

/** Where a piece of feedback points in the code: 1-based, end inclusive line, end-exclusive column. */
export interface AnchorRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface CodeAnchor {
  /**
   * The repository the code is in: its remote, normalised ("github.com/expressjs/express"), or
   * "root:<first commit>" for a repository without a remote. Older anchors have none: they belong to
   * the workspace folder they name (or the first).
   */
  repo?: string;
  /** Name of the workspace folder the path is relative to (older anchors, and code in no repository). */
  folder?: string;
  /** Posix path inside the repository (or that folder); never absolute, never `..`. */
  path: string;
  range: AnchorRange;
  /** The selected text when the feedback was logged. */
  text: string;
  /** A few lines before and after the selection, to find it again after edits. */
  before?: string;
  after?: string;
  commit?: string;
  /** "base" when the code was on the removed side of a review's diff (it lives in the base version). */
  side?: 'base' | 'head';
}

export interface Feedback {
  id: string;
  date: IsoDate;
  kind: FeedbackKind;
  text: string;
  goal?: string;
  /** Pull request URL or number. */
  review?: string | number;
  anchor?: CodeAnchor;
  resolved?: boolean;
  /** Where an imported comment came from; importing the same request again skips what is here. */
  source?: FeedbackSource;
  /** Who wrote it, when it was imported from another reviewer than the mentor. */
  reviewer?: string;
  /** Answers in the review thread (the mentee's reply shows how the feedback landed). */
  replies?: FeedbackReply[];
}

export interface FeedbackSource {
  provider: 'github' | 'gitlab';
  /** The code host's id of the comment. */
  id: string;
  /** Web link to the comment. */
  url?: string;
}

export interface FeedbackReply {
  author: string;
  date: IsoDate;
  text: string;
}

/** A topic for the next session, added by either side; discussed once a session took it up. */
export interface AgendaTopic {
  id: string;
  text: string;
  /** Who added it. */
  by?: Owner;
  added?: IsoDate;
  /** The id of the session that took it up. */
  discussed?: string;
}

export interface ClosingSummary {
  date: IsoDate;
  summary?: string;
  achievements?: string[];
  nextSteps?: string[];
  keepInTouch?: string;
}

export interface Mentee {
  version: number;
  name: string;
  role?: string;
  since?: IsoDate;
  status: MenteeStatus;
  cadence?: Cadence;
  /** Usual session length in minutes. */
  usualDuration?: number;
  focus?: string[];
  /** The mentee's user names on code hosts, to list the requests they authored. */
  github?: string;
  gitlab?: string;
  /** The mentee's e-mail as in their git config: in a shared repository, that person sees "My Mentorship". */
  email?: string;
  goals: Goal[];
  sessions: Session[];
  feedback: Feedback[];
  /** Topics for the next session (a shared agenda). */
  agenda?: AgendaTopic[];
  closing?: ClosingSummary;
}

export interface MentorSkill {
  skill: string;
  notes?: string;
}

export interface MentorProfile {
  version: number;
  name?: string;
  strengths?: string[];
  expertise?: string[];
  experiences?: string[];
  lessons?: string[];
  values?: string[];
  skills?: MentorSkill[];
}
