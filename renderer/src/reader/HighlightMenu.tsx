/**
 * Right-click on coded text: review, write a memo about, or remove one of the codings there.
 * The menu opens with focus on its first item, so safe actions come first and removal last:
 * a reflexive Enter must never delete a coding.
 */
import type { Memo } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { Menu, type MenuItem } from '../common/Menu';
import { useGloss } from '../store';
import { selectMemosByCoding } from '../store/selectors';
import { run } from '../project/actions';
import { visibleName } from '../../../shared/text/safe-names';

export interface HighlightMenuProps {
  codings: CodingEntry[];
  at: { x: number; y: number };
  onClose: () => void;
  onMemo: (coding: CodingEntry, memo: Memo | null) => void;
  /** The text, which gets focus back when the menu is dismissed. */
  returnFocusTo: HTMLElement | null;
}

export function HighlightMenu({ codings, at, onClose, onMemo, returnFocusTo }: HighlightMenuProps) {
  const project = useGloss((s) => s.project);
  const memos = useGloss(selectMemosByCoding);
  const startReview = useGloss((s) => s.startReview);
  if (!project) return null;

  const nameOf = (coding: CodingEntry) => visibleName(project.codes.get(coding.codeId)?.name ?? 'code');
  const names = codings.map(nameOf);
  // Say whose coding it is only when the same code appears twice (two coders on one passage).
  const label = (coding: CodingEntry, i: number) =>
    names.indexOf(names[i]!) !== names.lastIndexOf(names[i]!) ? `${nameOf(coding)} (${visibleName(project.coders.get(coding.coderId)?.name ?? '?')})` : nameOf(coding);

  // Codings that need review come first: confirming them is what the wavy line asks for.
  const items: MenuItem[] = codings.flatMap((coding, i) =>
    coding.needsReview
      ? [
          { label: `Keep ${label(coding, i)} here (reviewed)`, onSelect: () => void run({ type: 'resolveReview', codingId: coding.id }) },
          { label: `Review ${label(coding, i)}…`, onSelect: () => startReview(coding.id) },
        ]
      : [],
  );
  codings.forEach((coding, i) => {
    items.push({ label: codings.length === 1 ? 'Add memo…' : `Add memo to ${label(coding, i)}…`, onSelect: () => onMemo(coding, null) });
    for (const memo of memos.get(coding.id) ?? []) {
      items.push({ label: `Edit memo “${memo.title || memo.text.slice(0, 30)}”…`, onSelect: () => onMemo(coding, memo) });
    }
  });
  items.push(
    ...codings.map((coding, i) => ({
      label: `Remove ${label(coding, i)}`,
      danger: true,
      onSelect: () => void run({ type: 'removeCoding', codingId: coding.id }),
    })),
  );

  return <Menu label="Coded passage" items={items} at={at} onClose={onClose} returnFocusTo={returnFocusTo} />;
}
