// The library tree's keys: the arrows, Home and End move within the tree instead of scrolling the
// page. The tree moves the focus itself, within the key's own event, to the row its state says has
// it (one already drawn); the rows tell the state back on focusin. Loaded as a module.
const treeKeys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", " "];

export function init(tree) {
  tree.addEventListener("keydown", (e) => {
    if (treeKeys.includes(e.key) && !e.altKey && !e.ctrlKey && !e.metaKey) e.preventDefault();
  });
}

export function focus(tree, id) {
  const row = tree.querySelector(`[data-node="${id}"]`);
  if (row && document.activeElement !== row) row.focus();
}
