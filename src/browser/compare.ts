// Shows only the jurisdictions chosen in the URL (?j=zhongshan&j=xiangtan); without JavaScript,
// or without a choice, every column stays visible.
const chosen = new URLSearchParams(location.search).getAll('j');
if (chosen.length > 0) {
  for (const column of document.querySelectorAll<HTMLElement>('.column[data-jurisdiction]')) {
    column.hidden = !chosen.includes(column.dataset.jurisdiction ?? '');
  }
  for (const box of document.querySelectorAll<HTMLInputElement>('.picker input[name="j"]')) {
    box.checked = chosen.includes(box.value);
  }
}
