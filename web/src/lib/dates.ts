/** Dates as the documents count them: in China's time zone. */

/** Today in China as YYYY-MM-DD (the API's default `asOf`). */
export const todayInChina = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
