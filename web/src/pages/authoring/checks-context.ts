/** The check results of the rule being edited, for each field and condition to show its own beside it. */
import { getContext, setContext } from 'svelte';
import type { CheckIssue } from '../../lib/types.ts';

export type Found = { errors: CheckIssue[]; warnings: CheckIssue[] };
export type IssuesAt = (path: string, exact?: boolean) => Found;

const KEY = Symbol('rule checks');
const none: IssuesAt = () => ({ errors: [], warnings: [] });

export const provideIssues = (at: IssuesAt) => setContext(KEY, at);
export const useIssues = (): IssuesAt => getContext<IssuesAt>(KEY) ?? none;
