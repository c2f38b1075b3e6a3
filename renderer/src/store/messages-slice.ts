/** Messages for the user: errors from the host and notices, each dismissable. */
import type { Slice } from './types';

export interface Message {
  id: number;
  text: string;
  tone: 'error' | 'info';
}

export interface MessagesSlice {
  messages: Message[];
  notify(text: string, tone?: Message['tone']): void;
  dismiss(id: number): void;
}

/** Older messages are dropped past this many, so a burst of failures cannot fill the screen. */
const MAX_MESSAGES = 6;
let nextId = 1;

export const createMessagesSlice: Slice<MessagesSlice> = (set, get) => ({
  messages: [],
  notify(text, tone = 'error') {
    set({ messages: [...get().messages, { id: nextId++, text, tone }].slice(-MAX_MESSAGES) });
  },
  dismiss(id) {
    set({ messages: get().messages.filter((m) => m.id !== id) });
  },
});
