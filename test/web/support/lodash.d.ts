// Only the test compares the stand-ins with lodash; the project has no @types/lodash.
declare module 'lodash' {
  // biome-ignore lint/suspicious/noExplicitAny: lodash's surface is not typed here
  type Any = (...args: any[]) => any;
  const lodash: Record<
    | 'get'
    | 'has'
    | 'isEmpty'
    | 'isUndefined'
    | 'isFunction'
    | 'keys'
    | 'toPairs'
    | 'last'
    | 'isEqual'
    | 'cloneDeep'
    | 'merge'
    | 'range'
    | 'maxBy'
    | 'find'
    | 'filter'
    | 'reduce'
    | 'includes'
    | 'remove'
    | 'endsWith'
    | 'startCase',
    Any
  >;
  export default lodash;
}
declare module 'lodash/fp/set.js' {
  const set: (path: string, value: unknown, object: unknown) => unknown;
  export default set;
}
declare module 'lodash/fp/unset.js' {
  const unset: (path: string, object: unknown) => unknown;
  export default unset;
}
