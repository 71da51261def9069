/** Stored files: the one place where uploaded documents are checked, encrypted and served. */
import type { ServerModule } from '../module.ts';
import { messages } from './messages.ts';

export const filesModule: ServerModule = {
  name: 'files',
  migrations: new URL('./migrations/', import.meta.url),
  messages,
};
