/** The stopword package ships no types: its lists, keyed by ISO 639-3 code, are arrays of lower-case words. */
declare module 'stopword' {
  const lists: Record<string, string[] | undefined>;
  export = lists;
}
