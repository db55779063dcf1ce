// What the page does before the app has started: its language, and at /logga-in a sign-in form
// that works at once. The app takes seconds to fetch and start on a municipal PC; the form is there
// in the first frame, signs in through the same endpoint as the app (/api/v1/auth/browser/login, the
// session in its HttpOnly cookie), and what was typed, where the focus was and what came of it are
// handed to the app's own page (src/Web/Identity/SignIn.razor) when it takes over.
// A file, not an inline script: the Content-Security-Policy allows scripts from this origin only.
// The language is the one thing kept in the browser's storage; no token ever is.
(function () {
  const languageKey = 'ensakitaget.language';
  let language = localStorage.getItem(languageKey) === 'en' ? 'en' : 'sv';
  document.documentElement.lang = language;

  // The app's own texts (src/Web/Common/Texts.cs) for this page; EarlySignInTextsTests keeps them the same.
  const texts = /* texts */ {
    "sv": {
      "OtherLanguageName": "English",
      "OtherLanguageCode": "en",
      "SkipToContent": "Hoppa till innehållet",
      "AppName": "En sak i taget",
      "MainNavigation": "Huvudmeny",
      "NavMyRounds": "Mina omgångar",
      "NavAccessibility": "Tillgänglighet",
      "SignInTitle": "Logga in",
      "SignedOut": "Du är utloggad.",
      "SignInIntro": "Logga in med din e-postadress och ditt lösenord.",
      "Email": "E-post",
      "Password": "Lösenord",
      "SignInButton": "Logga in",
      "SigningIn": "Loggar in …",
      "ForgotPasswordLink": "Glömt lösenordet?",
      "AccessibilityTitle": "Tillgänglighetsredogörelse",
      "SignInRefused": "E-postadressen eller lösenordet stämmer inte, eller så är kontot låst en stund efter för många fel. Försök igen.",
      "TooManyAttempts": "För många försök på kort tid. Vänta en minut och försök igen.",
      "GenericError": "Något gick fel. Försök igen om en stund.",
      "FieldRequired": "Fyll i {0}."
    },
    "en": {
      "OtherLanguageName": "Svenska",
      "OtherLanguageCode": "sv",
      "SkipToContent": "Skip to content",
      "AppName": "En sak i taget",
      "MainNavigation": "Main menu",
      "NavMyRounds": "My rounds",
      "NavAccessibility": "Accessibility",
      "SignInTitle": "Sign in",
      "SignedOut": "You are signed out.",
      "SignInIntro": "Sign in with your e-mail address and your password.",
      "Email": "E-mail",
      "Password": "Password",
      "SignInButton": "Sign in",
      "SigningIn": "Signing in …",
      "ForgotPasswordLink": "Forgotten your password?",
      "AccessibilityTitle": "Accessibility statement",
      "SignInRefused": "The e-mail address or the password is wrong, or the account is locked for a while after too many mistakes. Try again.",
      "TooManyAttempts": "Too many attempts in a short time. Wait a minute and try again.",
      "GenericError": "Something went wrong. Please try again in a while.",
      "FieldRequired": "Fill in {0}."
    }
  } /* end texts */;

  window.enSakITaget = {
    language: () => document.documentElement.lang,
    setLanguage: (value) => {
      localStorage.setItem(languageKey, value);
      document.documentElement.lang = value;
      language = value;
    },
    earlySignIn: showSignInForm(),
  };

  /** The form, if this is the sign-in page; what the app asks of it either way. */
  function showSignInForm() {
    const app = document.getElementById('app');
    const template = document.getElementById('early-sign-in');
    const path = location.pathname.replace(/\/+$/, '');
    if (!app || !template || path !== '/logga-in') {
      return { settled: () => Promise.resolve({ signedIn: false, refusal: null }), take: () => null, restoreFocus: () => {} };
    }

    app.replaceChildren(template.content.cloneNode(true));
    let t = texts[language];
    const showTexts = () => {
      t = texts[language];
      for (const element of app.querySelectorAll('[data-text]')) {
        element.textContent = t[element.dataset.text];
      }
      for (const element of app.querySelectorAll('[data-label]')) {
        element.setAttribute('aria-label', t[element.dataset.label]);
      }
      app.querySelector('[data-switch-language]').lang = t.OtherLanguageCode;
      document.title = `${t.SignInTitle} – ${t.AppName}`;
    };
    showTexts();
    if (new URLSearchParams(location.search).get('utloggad') === 'true') {
      app.querySelector('[role=status]').hidden = false;
    }

    const form = app.querySelector('form');
    const button = form.querySelector('button');
    const alert = app.querySelector('[role=alert]');
    const fields = { email: form.elements.email, password: form.elements.password };
    let pending = null;
    let signedIn = false;
    let refusal = null;
    let taken = false;

    // With <base href="/">, "#content" would load "/" instead of moving down the page: the link moves the focus itself, as the app's does.
    app.querySelector('.skip-link').addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById('content').focus();
    });

    // As the app's button does: the page in the other language, the choice kept.
    app.querySelector('[data-switch-language]').addEventListener('click', () => {
      window.enSakITaget.setLanguage(t.OtherLanguageCode);
      showTexts();
      showRefusal(refusal);
      markMissing('email', fields.email.hasAttribute('aria-invalid'));
      markMissing('password', fields.password.hasAttribute('aria-invalid'));
      if (pending || signedIn) {
        button.textContent = t.SigningIn;
      }
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (pending || taken) {
        return;
      }

      const email = fields.email.value.trim();
      const password = fields.password.value;
      showRefusal(null);
      const missing = [markMissing('email', !email), markMissing('password', !password)];
      if (missing.some((m) => m)) {
        return;
      }

      button.disabled = true;
      button.textContent = t.SigningIn;
      pending = signIn(email, password).finally(() => {
        pending = null;
        // Signed in, the form waits for the app, which opens the page asked for.
        if (!signedIn && !taken) {
          button.disabled = false;
          button.textContent = t.SignInButton;
        }
      });
    });

    async function signIn(email, password) {
      try {
        const response = await fetch('api/v1/auth/browser/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-EnSakITaget-Request': '1' },
          body: JSON.stringify({ email, password }),
          credentials: 'same-origin',
        });
        // Read to its end: a body left unread keeps the request open, and the page never falls quiet.
        await response.text();
        signedIn = response.ok;
        if (!response.ok) {
          showRefusal(response.status === 400 || response.status === 401 ? 'SignInRefused'
            : response.status === 429 ? 'TooManyAttempts' : 'GenericError');
        }
      } catch {
        showRefusal('GenericError');
      }
    }

    // Between the app's reading of the form and the focus back in its own field, a key pressed would go to the
    // form being replaced or to the heading: they are kept and typed into the field when the focus returns.
    let kept = null;
    function keepKeysUntilFocusReturns() {
      kept = { text: '', submit: false };
      document.addEventListener('keydown', keepKey, true);
      // Should the app never ask for the focus back, nothing is held for long.
      setTimeout(stopKeepingKeys, 3000);
    }
    function keepKey(event) {
      if (!kept || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (event.key.length === 1) {
        kept.text += event.key;
      } else if (event.key === 'Backspace') {
        kept.text = kept.text.slice(0, -1);
      } else if (event.key === 'Enter') {
        kept.submit = true;
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    }
    function stopKeepingKeys() {
      const keys = kept ?? { text: '', submit: false };
      kept = null;
      document.removeEventListener('keydown', keepKey, true);
      return keys;
    }

    function showRefusal(key) {
      refusal = key;
      alert.textContent = key ? t[key] : '';
      alert.hidden = !key;
    }

    function markMissing(name, missing) {
      const input = fields[name];
      const error = document.getElementById(`${name}-error`);
      const label = name === 'email' ? t.Email : t.Password;
      error.textContent = missing ? t.FieldRequired.replace('{0}', label.toLocaleLowerCase(language)) : '';
      error.hidden = !missing;
      if (missing) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
      return missing;
    }

    return {
      /** Resolves when no sign-in is under way: whether the form signed in (the session cookie is set), or the text key of the refusal. */
      settled: async () => {
        while (pending) {
          await pending;
        }
        return { signedIn, refusal };
      },
      /** Called as the app draws its own sign-in page: what the reader typed and where, after which the form is the app's. */
      take: () => {
        if (taken) {
          return null;
        }
        taken = true;
        const focused = document.activeElement;
        // Only when the app's page will take the focus back: not after a sign-in, when it opens another page.
        if (!pending && !signedIn && focused && (focused === fields.email || focused === fields.password)) {
          keepKeysUntilFocusReturns();
        }
        return {
          email: fields.email.value,
          password: fields.password.value,
          focus: focused && focused.id && app.contains(focused) ? focused.id : null,
          selectionStart: focused && typeof focused.selectionStart === 'number' ? focused.selectionStart : null,
          refusal,
          signedIn,
          pending: pending !== null,
        };
      },
      /** After the app has drawn (and moved the focus to its heading): the focus back where the reader was, with any keys pressed meanwhile. */
      restoreFocus: (id, selectionStart) => {
        setTimeout(() => {
          const element = document.getElementById(id);
          const keys = stopKeepingKeys();
          if (!element) {
            return;
          }
          element.focus();
          if (keys.text) {
            element.value += keys.text;
            selectionStart = null;
            // The app's field binds on change.
            element.dispatchEvent(new Event('input', { bubbles: true }));
            element.dispatchEvent(new Event('change', { bubbles: true }));
          }
          if (keys.submit) {
            element.form?.requestSubmit();
          }
          if (typeof selectionStart === 'number' && typeof element.setSelectionRange === 'function') {
            try {
              element.setSelectionRange(selectionStart, selectionStart);
            } catch {
              // An input of type email has no selection to set: the caret stays where focus puts it.
            }
          }
        });
      },
    };
  }
})();
