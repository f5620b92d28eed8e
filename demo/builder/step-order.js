// @ts-check
// The embed builder's step list: each step gets Up and Down buttons; a move keeps the keyboard on
// the step and announces its new position.
import { announce } from './announce.js';

/** Short names of the steps, for the buttons' names and the announcements. */
const STEP_NAMES = {
  who: 'Who is looking',
  concerns: 'What brings them',
  comfort: 'Comfort',
  partner: "Partner's preferences",
  practical: 'Practical matters',
};

/** @param {HTMLLIElement} item */
const nameOf = (item) => STEP_NAMES[/** @type {keyof typeof STEP_NAMES} */ (item.dataset.step)] ?? item.dataset.step;

/**
 * Makes the items of `list` (each `<li data-step>`) movable.
 * @param {HTMLOListElement} list
 * @param {HTMLElement} status a live region for "… is now step 2 of 5"
 * @param {() => void} onMove
 */
export function orderableSteps(list, status, onMove) {
  const items = () => /** @type {HTMLLIElement[]} */ ([...list.children]);
  const button = (/** @type {HTMLLIElement} */ item, /** @type {string} */ direction) =>
    /** @type {HTMLButtonElement} */ (item.querySelector(`[data-move="${direction}"]`));

  const refresh = () =>
    items().forEach((item, index, all) => {
      button(item, 'up').disabled = index === 0;
      button(item, 'down').disabled = index === all.length - 1;
    });

  for (const item of items()) {
    const moves = document.createElement('span');
    moves.className = 'moves';
    for (const [direction, text] of [
      ['up', 'Up'],
      ['down', 'Down'],
    ]) {
      const control = document.createElement('button');
      control.type = 'button';
      control.dataset.move = direction;
      control.textContent = text;
      control.setAttribute('aria-label', `Move “${nameOf(item)}” ${direction}`);
      moves.append(control);
    }
    (item.querySelector('.step') ?? item).append(moves);
  }
  refresh();

  list.addEventListener('click', (event) => {
    const control = /** @type {Element} */ (event.target).closest('button[data-move]');
    const item = control?.closest('li');
    if (!control || !item) return;
    const up = control.getAttribute('data-move') === 'up';
    const sibling = up ? item.previousElementSibling : item.nextElementSibling;
    if (!sibling) return;
    sibling.insertAdjacentElement(up ? 'beforebegin' : 'afterend', item);
    refresh();
    // Keep the keyboard where it was; at either end that button is disabled, so take the other.
    const same = button(item, up ? 'up' : 'down');
    (same.disabled ? button(item, up ? 'down' : 'up') : same).focus();
    const all = items();
    announce(status, `“${nameOf(item)}” is now step ${all.indexOf(item) + 1} of ${all.length}.`);
    onMove();
  });
}
