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

/** Notes where the focused card stands; the function it answers puts the page back after the update. */
export function holdPlace(): () => void {
  const card = document.activeElement?.closest<HTMLElement>('[data-place]');
  const list = card?.closest<HTMLElement>('[data-list]');
  if (!card || !list) return () => {};
  const cards = [...list.querySelectorAll<HTMLElement>('[data-place]')];
  const keys = cards.slice(cards.indexOf(card)).map((c) => c.dataset.place!);
  const top = card.getBoundingClientRect().top;
  const scroller = scrollerOf(card);
  const listName = list.dataset.list!;
  return () => {
    const now = document.querySelector<HTMLElement>(`[data-list="${CSS.escape(listName)}"]`);
    for (const key of keys) {
      const target = now?.querySelector<HTMLElement>(`[data-place="${CSS.escape(key)}"]`);
      if (!target) continue;
      const delta = target.getBoundingClientRect().top - top;
      if (scroller && scroller.isConnected) scroller.scrollTop += delta;
      else scrollBy(0, delta);
      if (!document.activeElement || document.activeElement === document.body) target.querySelector<HTMLElement>('[data-focus]')?.focus({ preventScroll: true });
      return;
    }
  };
}
