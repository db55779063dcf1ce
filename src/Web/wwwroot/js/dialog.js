// A native modal <dialog>: the browser keeps the focus inside it, Escape closes it, and the focus
// goes back to the button that opened it. Loaded as a module, so the page needs no inline script.
export function open(dialog) {
  if (!dialog.open) dialog.showModal();
}

export function close(dialog) {
  if (dialog.open) dialog.close();
}
