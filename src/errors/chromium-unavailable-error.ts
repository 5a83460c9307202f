/** PDF needs Chromium and none could be started; the message says what to install. HTML never needs it. */
export class ChromiumUnavailableError extends Error {
  override name = 'ChromiumUnavailableError';
}
