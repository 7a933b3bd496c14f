// DOM helpers. Every name, message and traceback comes from the tested service or the scenario:
// it only ever becomes text (textContent), never markup.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/// An element with attributes and children; strings become text nodes.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'class') element.className = value;
    else if (value !== undefined && value !== null && value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return element;
}

/// Sets a node's text only when it changed: a poll that changes nothing touches no layout.
export function set_text(node, text) {
  const value = String(text);
  if (node.textContent !== value) node.textContent = value;
}

const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };
/// Locust 2.12 HTML-escapes error and exception texts in its JSON; shown as text they are decoded back.
export function unescape_html(text) {
  return String(text ?? '').replace(/&(amp|lt|gt|quot|#x27|#39);/g, m => entities[m]);
}
