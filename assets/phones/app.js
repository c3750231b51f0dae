// Moderato on phones: vanilla JavaScript, served by the moderator's laptop only.
(function () {
  'use strict';

  const T = {
    de: {
      phone: 'Telefon {n}',
      langs: 'Sprache',
      loading: 'Einen Moment …',
      waitTitle: 'Bitte warten',
      waitText: 'Gleich geht es weiter. Sobald die Moderation den nächsten Schritt öffnet, erscheint er hier von selbst.',
      totalsTitle: 'Bisher von diesem Telefon',
      totals: 'Karten: {c} · Punkte: {d} · Bewertungen: {r}',
      cardLabel: 'Deine Karte',
      authorLabel: 'Dein Name (freiwillig)',
      cardSend: 'Karte abschicken',
      cardCount: '{n} von {max} Zeichen',
      cardsLeft: 'Du kannst noch {n} von {max} Karten schreiben.',
      cardsNone: 'Du hast alle {max} Karten geschrieben. Danke!',
      myCards: 'Deine Karten',
      noCards: 'Noch keine.',
      cardSent: 'Deine Karte ist angekommen.',
      cardEmpty: 'Bitte erst etwas schreiben.',
      dotsLeft: 'Noch {n} von {max} Punkten frei',
      dotsNone: 'Alle {max} Punkte vergeben. Danke!',
      dotPlace: '+ Punkt',
      dotPlaceLabel: 'Einen Punkt geben: {t}',
      dotTake: '−',
      dotTakeLabel: 'Einen Punkt zurücknehmen: {t}',
      yourDots: 'Deine Punkte hier: {n}',
      cluster: 'Gruppe',
      dotPlaced: 'Punkt gesetzt.',
      dotTaken: 'Punkt zurückgenommen.',
      noTargets: 'Noch nichts zum Bepunkten.',
      ratingsTitle: 'Reflexion',
      scaleFromTo: 'Wähle je einen Wert von {min} bis {max}.',
      yourRating: 'Deine Bewertung: {v}',
      orgLabel: 'Organisation (freiwillig)',
      commentLabel: 'Kommentar (freiwillig)',
      ratingSend: 'Bewertung abschicken',
      ratingSent: 'Deine Bewertung ist angekommen. Danke!',
      ratingsDone: 'Du hast alles bewertet. Danke!',
      ratingNone: 'Bitte wähle mindestens eine Bewertung.',
      goneTitle: 'Bitte den QR-Code noch einmal scannen',
      goneText: 'Dieses Telefon ist nicht mehr angemeldet. Scanne den QR-Code an der Projektion, dann geht es hier weiter.',
      offline: 'Keine Verbindung zum Laptop – es wird weiter versucht …',
      failed: 'Das hat nicht geklappt. Bitte noch einmal versuchen.'
    },
    en: {
      phone: 'Phone {n}',
      langs: 'Language',
      loading: 'One moment …',
      waitTitle: 'Please wait',
      waitText: 'We will continue shortly. As soon as the moderator opens the next step, it appears here by itself.',
      totalsTitle: 'So far from this phone',
      totals: 'Cards: {c} · Dots: {d} · Ratings: {r}',
      cardLabel: 'Your card',
      authorLabel: 'Your name (optional)',
      cardSend: 'Send card',
      cardCount: '{n} of {max} characters',
      cardsLeft: 'You can write {n} more of {max} cards.',
      cardsNone: 'You have written all {max} cards. Thank you!',
      myCards: 'Your cards',
      noCards: 'None yet.',
      cardSent: 'Your card has arrived.',
      cardEmpty: 'Please write something first.',
      dotsLeft: '{n} of {max} dots left',
      dotsNone: 'All {max} dots placed. Thank you!',
      dotPlace: '+ Dot',
      dotPlaceLabel: 'Place a dot on: {t}',
      dotTake: '−',
      dotTakeLabel: 'Take back a dot from: {t}',
      yourDots: 'Your dots here: {n}',
      cluster: 'Group',
      dotPlaced: 'Dot placed.',
      dotTaken: 'Dot taken back.',
      noTargets: 'Nothing to vote on yet.',
      ratingsTitle: 'Reflection',
      scaleFromTo: 'Choose a value from {min} to {max} for each.',
      yourRating: 'Your rating: {v}',
      orgLabel: 'Organisation (optional)',
      commentLabel: 'Comment (optional)',
      ratingSend: 'Send rating',
      ratingSent: 'Your rating has arrived. Thank you!',
      ratingsDone: 'You have rated everything. Thank you!',
      ratingNone: 'Please choose at least one rating.',
      goneTitle: 'Please scan the QR code again',
      goneText: 'This phone is no longer signed in. Scan the QR code on the projector to continue here.',
      offline: 'No connection to the laptop – still trying …',
      failed: 'That did not work. Please try again.'
    }
  };
  const SECTIONS = ['loading', 'waiting', 'cards', 'dots', 'ratings', 'gone'];
  const CARD_CHARS = 2000;

  let lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  let state = null;
  let gone = false;
  let events = null;
  let busy = false;

  const $ = (id) => document.getElementById(id);

  function t(key, vars) {
    let text = T[lang][key] || key;
    for (const name in vars || {}) {
      const value = vars[name];
      const shown = typeof value === 'number' ? value.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB') : String(value);
      text = text.split('{' + name + '}').join(shown);
    }
    return text;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function note(text, isError) {
    $('note-ok').textContent = isError ? '' : text;
    $('note-error').textContent = isError ? text : '';
    clearTimeout(note.timer);
    if (text) note.timer = setTimeout(() => note('', false), isError ? 9000 : 4000);
  }

  function nonce() {
    // crypto.randomUUID needs a secure context; getRandomValues works on plain HTTP.
    const bytes = new Uint8Array(12);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // --- Talking to the laptop -------------------------------------------------------------

  async function call(method, path, body) {
    const options = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, options);
    } catch (e) {
      // The network hiccupped: one more try with the same request id, accepted only once.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      response = await fetch(path, options);
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data: data };
  }

  async function load() {
    try {
      const answer = await call('GET', '/api/state');
      handle(answer, null);
    } catch (e) {
      $('offline').hidden = false;
    }
  }

  // Shows the new state of an answer, or says why it was refused.
  function handle(answer, success) {
    if (answer.status === 200 && answer.data && answer.data.phase) {
      // A new step: what was said about the last one no longer applies.
      if (!state || state.generation !== answer.data.generation) note('', false);
      state = answer.data;
      $('offline').hidden = true;
      render();
      if (success) note(success, false);
      return true;
    }
    const code = answer.data && answer.data.code;
    if (answer.status === 403 && code === 'not_joined') {
      setGone();
      return false;
    }
    if (code === 'wrong_phase') {
      load();
    }
    note((answer.data && answer.data.error) || t('failed'), true);
    return false;
  }

  async function send(path, body, success) {
    if (busy) return false;
    busy = true;
    try {
      body.nonce = nonce();
      const answer = await call('POST', path, body);
      return handle(answer, success);
    } catch (e) {
      note(t('offline'), true);
      return false;
    } finally {
      busy = false;
    }
  }

  function listen() {
    if (gone || !window.EventSource) return;
    if (events) events.close();
    events = new EventSource('/api/events');
    events.addEventListener('phase', () => load());
    events.addEventListener('gone', () => setGone());
    events.onopen = () => { $('offline').hidden = true; };
    events.onerror = () => {
      $('offline').hidden = false;
      if (events.readyState === EventSource.CLOSED) {
        // Refused (not in the room, too many tabs) or the laptop closed: ask again later.
        load();
        setTimeout(listen, 5000);
      }
    };
  }

  function setGone() {
    gone = true;
    state = null;
    if (events) events.close();
    $('offline').hidden = true;
    note('', false);
    render();
  }

  // --- Showing it ------------------------------------------------------------------------

  function translateStatic() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
    $('langs').setAttribute('aria-label', t('langs'));
    document.querySelectorAll('#langs button').forEach((b) => {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    });
    $('offline').textContent = t('offline');
    document.querySelector('#loading p').textContent = t('loading');
  }

  function show(id) {
    SECTIONS.forEach((s) => { $(s).hidden = s !== id; });
  }

  function render() {
    if (gone) { show('gone'); $('phone').textContent = ''; return; }
    if (!state) { show('loading'); return; }
    $('phone').textContent = t('phone', { n: state.phone });
    const phase = state.phase;
    if (phase.kind === 'cards') renderCards(phase);
    else if (phase.kind === 'dots') renderDots(phase);
    else if (phase.kind === 'ratings') renderRatings(phase);
    else renderWaiting();
    show(['cards', 'dots', 'ratings'].includes(phase.kind) ? phase.kind : 'waiting');
  }

  function renderWaiting() {
    const totals = state.totals || { cards: 0, dots: 0, ratings: 0 };
    const any = totals.cards + totals.dots + totals.ratings > 0;
    $('totals-box').hidden = !any;
    $('totals').textContent = t('totals', { c: totals.cards, d: totals.dots, r: totals.ratings });
  }

  function renderCards(phase) {
    $('cards-title').textContent = phase.title;
    $('cards-question').textContent = phase.question;
    $('cards-question').hidden = !phase.question;
    const left = phase.cards_left;
    $('cards-left').textContent = left > 0
      ? t('cardsLeft', { n: left, max: phase.max_cards })
      : t('cardsNone', { max: phase.max_cards });
    $('card-form').hidden = left <= 0;
    updateCount();
    const list = $('my-cards');
    list.replaceChildren();
    phase.my_cards.forEach((text) => list.appendChild(el('li', '', text)));
    if (phase.my_cards.length === 0) list.appendChild(el('li', 'empty', t('noCards')));
  }

  function updateCount() {
    const n = Array.from($('card-text').value.trim()).length;
    $('card-count').textContent = t('cardCount', { n: n, max: CARD_CHARS });
  }

  function renderDots(phase) {
    $('dots-title').textContent = phase.title;
    const left = phase.dots_left;
    $('dots-left').textContent = left > 0
      ? t('dotsLeft', { n: left, max: phase.budget })
      : t('dotsNone', { max: phase.budget });
    const list = $('targets');
    list.replaceChildren();
    if (phase.targets.length === 0) list.appendChild(el('li', 'empty', t('noTargets')));
    phase.targets.forEach((target) => {
      const item = el('li');
      if (target.is_cluster) item.appendChild(el('span', 'cluster', t('cluster')));
      item.appendChild(el('div', 'text', target.text));
      const row = el('div', 'row');
      const count = el('span', 'count', '●'.repeat(Math.min(target.mine, 20)));
      count.setAttribute('aria-label', t('yourDots', { n: target.mine }));
      count.setAttribute('role', 'img');
      const label = target.text.length > 60 ? target.text.slice(0, 60) + '…' : target.text;
      const minus = el('button', 'minus', t('dotTake'));
      minus.type = 'button';
      minus.disabled = target.mine === 0;
      minus.setAttribute('aria-label', t('dotTakeLabel', { t: label }));
      minus.addEventListener('click', () => dot('/api/undot', phase, target, t('dotTaken')));
      const plus = el('button', 'plus', t('dotPlace'));
      plus.type = 'button';
      plus.disabled = left <= 0;
      plus.setAttribute('aria-label', t('dotPlaceLabel', { t: label }));
      plus.addEventListener('click', () => dot('/api/dot', phase, target, t('dotPlaced')));
      row.append(count, minus, plus);
      item.appendChild(row);
      list.appendChild(item);
    });
  }

  function dot(path, phase, target, success) {
    send(path, { board: phase.board, target: target.id }, success);
  }

  function renderRatings(phase) {
    $('scale-hint').textContent = t('scaleFromTo', { min: phase.min, max: phase.max });
    const box = $('dimensions');
    // Keep what was chosen but not sent when the page is drawn again.
    const chosen = {};
    box.querySelectorAll('input:checked').forEach((input) => { chosen[input.name] = input.value; });
    box.replaceChildren();
    let open = 0;
    phase.dimensions.forEach((dimension, index) => {
      const set = el('fieldset');
      set.appendChild(el('legend', '', dimension.name));
      if (dimension.mine !== null && dimension.mine !== undefined) {
        set.appendChild(el('p', 'given', t('yourRating', { v: dimension.mine })));
        box.appendChild(set);
        return;
      }
      open += 1;
      const scale = el('div', 'scale');
      const name = 'dim-' + index;
      for (let value = phase.min; value <= phase.max; value += 1) {
        const label = el('label');
        const input = el('input');
        input.type = 'radio';
        input.name = name;
        input.value = String(value);
        input.dataset.dimension = dimension.id;
        input.checked = chosen[name] === String(value);
        label.append(input, el('span', '', String(value)));
        scale.appendChild(label);
      }
      set.appendChild(scale);
      if (phase.low_label || phase.high_label) {
        const ends = el('div', 'ends');
        ends.append(el('span', '', phase.min + ' = ' + phase.low_label),
          el('span', '', phase.max + ' = ' + phase.high_label));
        set.appendChild(ends);
      }
      box.appendChild(set);
    });
    $('name-field').hidden = phase.is_anonymous;
    $('rating-form').hidden = open === 0;
    $('ratings-done').hidden = open !== 0;
  }

  // --- What the participant does ---------------------------------------------------------

  async function sendCard(event) {
    event.preventDefault();
    if (!state || state.phase.kind !== 'cards') return;
    const text = $('card-text').value.replace(/\t/g, ' ').trim();
    if (!text) { note(t('cardEmpty'), true); $('card-text').focus(); return; }
    const author = $('card-author').value.replace(/[\r\n\t]+/g, ' ').trim();
    try { localStorage.setItem('moderato-author', author); } catch (e) { /* private mode */ }
    const body = { board: state.phase.board, text: text, author: author };
    if (await send('/api/card', body, t('cardSent'))) {
      $('card-text').value = '';
      updateCount();
      $('card-text').focus();
    }
  }

  async function sendRating(event) {
    event.preventDefault();
    if (!state || state.phase.kind !== 'ratings') return;
    const ratings = [];
    $('dimensions').querySelectorAll('input:checked').forEach((input) => {
      ratings.push({ dimension: input.dataset.dimension, value: Number(input.value) });
    });
    if (ratings.length === 0) { note(t('ratingNone'), true); return; }
    const name = state.phase.is_anonymous ? '' : $('rating-name').value.replace(/[\r\n\t]+/g, ' ').trim();
    const comment = $('rating-comment').value.replace(/\t/g, ' ').trim();
    if (await send('/api/rating', { ratings: ratings, name: name, comment: comment }, t('ratingSent'))) {
      $('rating-comment').value = '';
    }
  }

  function setLang(next) {
    lang = next === 'de' ? 'de' : 'en';
    document.cookie = 'lang=' + lang + '; Path=/; SameSite=Strict; Max-Age=31536000';
    translateStatic();
    note('', false);
    render();
  }

  function start() {
    translateStatic();
    try { $('card-author').value = localStorage.getItem('moderato-author') || ''; } catch (e) { /* private mode */ }
    $('card-form').addEventListener('submit', sendCard);
    $('rating-form').addEventListener('submit', sendRating);
    $('card-text').addEventListener('input', updateCount);
    document.querySelectorAll('#langs button').forEach((b) => {
      b.addEventListener('click', () => setLang(b.dataset.lang));
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !gone) {
        load();
        if (!events || events.readyState === EventSource.CLOSED) listen();
      }
    });
    load();
    listen();
  }

  start();
})();
