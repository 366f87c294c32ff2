/**
 * Keeping the reader's place while a list changes around the card they are answering: the card (or, if it moved to
 * another list, the card that followed it) stays where it was on screen, and keyboard focus is not lost.
 * Cards carry `data-place` (a key) inside a container with `data-list` (the list's name).
 */

function scrollerOf(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** A card folded away in a closed <details> keeps boxes in Chromium (content-visibility) but can take no focus. */
const shown = (element: HTMLElement) => (element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0);

/** Notes where the focused card stands; the function it answers puts the page back after the update. */
export function holdPlace(): () => void {
  const card = document.activeElement?.closest<HTMLElement>('[data-place]');
  const list = card?.closest<HTMLElement>('[data-list]');
  if (!card || !list) return () => {};
  const cards = [...list.querySelectorAll<HTMLElement>('[data-place]')];
  const at = cards.indexOf(card);
  // The card itself, those after it, then (when none of those is left in view) those before it, nearest first.
  const keys = [...cards.slice(at), ...cards.slice(0, at).reverse()].map((c) => c.dataset.place!);
  const top = card.getBoundingClientRect().top;
  const scroller = scrollerOf(card);
  const listName = list.dataset.list!;
  const putBack = (target: HTMLElement) => {
    const delta = target.getBoundingClientRect().top - top;
    if (scroller && scroller.isConnected) scroller.scrollTop += delta;
    else scrollBy(0, delta);
    if (!document.activeElement || document.activeElement === document.body) target.querySelector<HTMLElement>('[data-focus]')?.focus({ preventScroll: true });
  };
  return () => {
    const now = document.querySelector<HTMLElement>(`[data-list="${CSS.escape(listName)}"]`);
    for (const key of keys) {
      const target = now?.querySelector<HTMLElement>(`[data-place="${CSS.escape(key)}"]`);
      if (target && shown(target)) return putBack(target);
    }
    // Nothing of the list is left in view: the first card shown after it (the next list's) takes the place.
    const after = [...document.querySelectorAll<HTMLElement>('[data-place]')].find(
      (c) => shown(c) && (!now || now.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
    if (after) return putBack(after);
    // Every other card is folded away: focus goes to the results' heading, the view stays where it was.
    if (!document.activeElement || document.activeElement === document.body) document.querySelector<HTMLElement>('[data-place-fallback]')?.focus({ preventScroll: true });
  };
}
