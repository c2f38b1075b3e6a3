/** Which files the Import button offers, and a check for dropped files. */
export const IMPORT_ACCEPT = '.txt,.md,.markdown,.text,text/plain,text/markdown';
