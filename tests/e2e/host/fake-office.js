// A small Outlook for browser tests: served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js
// (the test routes that URL here), it gives the add-in the parts of Office.js it uses: Office.onReady, the host and
// display language, the theme, and the appointment (compose: async getters and body.getAsync/setAsync as HTML;
// read: plain properties). The test sets `window.__outlook` before the page loads:
//   { mode: 'compose' | 'read', subject, start (ISO), requiredAttendees, optionalAttendees, organizer, body,
//     displayLanguage, bodyBackgroundColor, failWrite }
// and reads back `window.__outlook.body` and `window.__outlook.writes`. `window.__outlook.fire(eventType)` calls the
// handlers the add-in registered with item.addHandlerAsync, as Outlook does when the organiser changes the invitation.
(function () {
  const state = window.__outlook || { mode: 'compose', body: '' };
  state.writes = 0;
  const handlers = {};
  state.fire = (type) => (handlers[type] || []).forEach((handler) => handler({ type }));
  const ok = (value) => ({ status: 'succeeded', value });
  const getter = (read) => ({ getAsync: (options, callback) => (callback || options)(ok(read())) });
  const item =
    state.mode === 'read'
      ? {
          itemType: 'appointment',
          subject: state.subject || '',
          start: new Date(state.start),
          requiredAttendees: state.requiredAttendees || [],
          optionalAttendees: state.optionalAttendees || [],
          organizer: state.organizer,
        }
      : {
          itemType: 'appointment',
          subject: getter(() => state.subject || ''),
          start: getter(() => new Date(state.start)),
          requiredAttendees: getter(() => state.requiredAttendees || []),
          optionalAttendees: getter(() => state.optionalAttendees || []),
          addHandlerAsync(type, handler, callback) {
            (handlers[type] = handlers[type] || []).push(handler);
            if (callback) callback(ok(undefined));
          },
          body: {
            getAsync(coercionType, options, callback) {
              const cb = callback || options;
              if (coercionType !== 'html') return cb({ status: 'failed', error: { code: 9000, message: 'only html' } });
              setTimeout(() => cb(ok(state.body)), 5);
            },
            setAsync(data, options, callback) {
              setTimeout(() => {
                // `failWrite: { code, message }`: Outlook refuses the write, as Office.js reports it.
                if (state.failWrite) return callback({ status: 'failed', error: state.failWrite });
                state.body = data;
                state.writes += 1;
                state.lastCoercion = options && options.coercionType;
                callback(ok(undefined));
              }, 5);
            },
          },
        };
  window.Office = {
    HostType: { Outlook: 'Outlook' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { AppointmentTimeChanged: 'olkAppointmentTimeChanged', RecipientsChanged: 'olkRecipientsChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: state.displayLanguage || 'nl-NL',
      officeTheme: { bodyBackgroundColor: state.bodyBackgroundColor || '#ffffff' },
      mailbox: { item, userProfile: { emailAddress: 'secretaris@zoetermeer.example', displayName: 'Secretaris' } },
    },
    onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
  };
})();
