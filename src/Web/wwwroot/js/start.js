// A file, not an inline script: the Content-Security-Policy allows scripts from this origin only.
// The language is the one thing kept in the browser's storage; no token ever is.
(function () {
  const languageKey = 'ensakitaget.language';
  const stored = localStorage.getItem(languageKey);
  const language = stored === 'en' ? 'en' : 'sv';
  document.documentElement.lang = language;

  window.enSakITaget = {
    language: () => document.documentElement.lang,
    setLanguage: (value) => {
      localStorage.setItem(languageKey, value);
      document.documentElement.lang = value;
    },
  };

  // sv-SE's ICU data also holds English, so the language can change without a reload.
  Blazor.start({ applicationCulture: 'sv-SE' });
})();
