// Starts the app once blazor.webassembly.js has loaded; the language and the early sign-in form are
// js/before-app.js's, which runs before it. A file, not an inline script: the Content-Security-Policy
// allows scripts from this origin only.
// sv-SE's ICU data also holds English, so the language can change without a reload.
Blazor.start({ applicationCulture: 'sv-SE' });
