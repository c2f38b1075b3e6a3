/** Whether a name from the computer (account name, its "full name" field) is a person's real name. */

/**
 * True for what reads as a person's full name ("Maya Okafor", "J. R. Smith", "Anne-Marie
 * O'Neil"): two or more words of letters. An account name ("root", "jsmith", "ana.r",
 * "Administrator", "user1") is not, so first run asks rather than recording it on every coding.
 */
export function isRealFullName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return false;
  return words.every((word) => /^\p{L}[\p{L}\p{M}.'’-]*$/u.test(word));
}
