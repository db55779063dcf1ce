// The library tree's keys: the arrows, Home and End move within the tree instead of scrolling the
// page, and the focus follows the row the tree says has it. Loaded as a module.
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
