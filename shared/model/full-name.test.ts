import { describe, expect, it } from 'vitest';
import { isRealFullName } from './full-name';

describe('isRealFullName', () => {
  it('accepts names of people', () => {
    for (const name of ['Maya Okafor', 'J. R. Smith', "Anne-Marie O'Neil", 'Zoë Łukasiewicz', '  Ana   Researcher ']) expect(isRealFullName(name), name).toBe(true);
  });

  it('refuses account names and empty input', () => {
    for (const name of ['root', 'jsmith', 'ana.r', 'Administrator', 'user1', 'Coder', '', '   ', 'build bot2', 'admin_user x', 'a@b c']) expect(isRealFullName(name), name).toBe(false);
  });
});
