import type { HistoryEvent } from './store.ts';

/**
 * State transitions of one execution as Step Functions Standard bills them: every state entered
 * (Task, Pass, Choice, Wait, Succeed, Fail, Map and Parallel and the states inside them) and every
 * retry of a state, which AWS counts as another transition. Starting and ending the execution are
 * not transitions.
 */
export function billedTransitions(history: readonly Pick<HistoryEvent, 'type'>[]): number {
  return history.filter((event) => event.type.endsWith('StateEntered') || event.type === 'StateRetried')
    .length;
}
