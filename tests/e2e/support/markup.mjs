// The app's markup, in a form two renderings of the same view can be compared in: the page
// written at build time (Leptos's rendering to HTML, natively) and what the app builds in the
// browser list the same attributes in different orders, and split text into nodes differently.

/**
 * The elements under `selector` (the app's own: no script, noscript, loading frame or first
 * screen), as markup with each element's attributes sorted by name, text nodes joined and
 * comments (Leptos's markers) left out. With `{ firstScreen: true }`, a form control's
 * `disabled` is left out when it comes first: the build adds it there (src/ui/prerender.rs) to
 * controls the app has not yet started, so that what is chosen is not lost.
 */
export function appMarkup(page, selector, { firstScreen = false } = {}) {
  return page.evaluate(
    ({ selector, firstScreen }) => {
      const controls = new Set(["SELECT", "INPUT", "TEXTAREA", "BUTTON"]);
      const escape = (text, quote) =>
        text.replace(quote ? /[&<>"]/g : /[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
      const markup = (node) => {
        if (node.nodeType === Node.TEXT_NODE) return escape(node.textContent, false);
        if (node.nodeType !== Node.ELEMENT_NODE) return "";
        let attributes = [...node.attributes];
        if (firstScreen && controls.has(node.tagName) && attributes[0]?.name === "disabled") {
          attributes = attributes.slice(1);
        }
        const text = attributes
          .map((a) => ` ${a.name}="${escape(a.value, true)}"`)
          .sort()
          .join("");
        const tag = node.tagName.toLowerCase();
        return `<${tag}${text}>${[...node.childNodes].map(markup).join("")}</${tag}>`;
      };
      return [...document.querySelector(selector).children]
        .filter((e) => !["SCRIPT", "NOSCRIPT"].includes(e.tagName) && !["loading", "first-screen", "next-screen"].includes(e.id))
        .map(markup)
        .join("");
    },
    { selector, firstScreen },
  );
}
