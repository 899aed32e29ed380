// Writes, for each locale named on the command line, what Node's Intl
// (ICU 78.2, CLDR 48) makes of the inputs below: the golden table
// intl_golden.json that app/i18n/cldr's tests compare the package with.
// Run by TestIntlGoldenIsCurrent; by hand:
//   node app/i18n/cldr/testdata/intl.js $(tags) > app/i18n/cldr/testdata/intl_golden.json
'use strict';

const inputs = {
  // One date in each month, so every month's name is written.
  dates: ['2024-01-15', '2025-02-28', '2023-03-31', '2022-04-07', '1999-05-09', '2021-06-21',
    '2020-07-04', '2018-08-16', '2017-09-30', '2016-10-10', '2015-11-11', '2019-12-01'],
  times: ['00:05', '09:07', '12:00', '13:40', '23:59'],
  numbers: [0, 7, 2500, 12500, 1234567, -12500],
  decimals: [13.8, 1234.5, 0.25],
  counts: [1, 2, 3, 5, 11, 21, 100],
  lists: [['Ana', 'Ben'], ['Ana', 'Ben', 'Carla'], ['Ana', 'Ben', 'Carla', 'Dan'], ['Ana', 'Ines']],
  // Zones and their offsets in seconds on 2025-01-15 (no summer time).
  zones: [['UTC', 0], ['Asia/Kolkata', 19800], ['America/Bogota', -18000],
    ['Asia/Kathmandu', 20700], ['Europe/Berlin', 3600], ['America/St_Johns', -12600]],
};

function utc(date, time) {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = (time || '00:00').split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, d, h, min));
}

function locale(loc) {
  const dtf = (opts) => new Intl.DateTimeFormat(loc, { timeZone: 'UTC', calendar: 'gregory', ...opts });
  const yMMMd = dtf({ year: 'numeric', month: 'short', day: 'numeric' });
  const yMMMM = dtf({ year: 'numeric', month: 'long' });
  // timeStyle short is CLDR's short time format itself ({hour:
  // 'numeric'} would have ICU rewrite the hour's width, HH:mm as H:mm).
  const time = dtf({ timeStyle: 'short' });
  const num = new Intl.NumberFormat(loc);
  const dec = new Intl.NumberFormat(loc, { maximumFractionDigits: 1 });
  const unit = (u) => new Intl.NumberFormat(loc, { style: 'unit', unit: u, unitDisplay: 'long' });
  const list = new Intl.ListFormat(loc);
  const jan = utc('2025-01-15', '12:00');
  return {
    yMMMd: inputs.dates.map((d) => yMMMd.format(utc(d))),
    yMMMM: inputs.dates.map((d) => yMMMM.format(utc(d))),
    time: inputs.times.map((t) => time.format(utc('2025-02-28', t))),
    number: inputs.numbers.map((n) => num.format(n)),
    decimal: inputs.decimals.map((n) => dec.format(n)),
    year: inputs.counts.map((n) => unit('year').format(n)),
    month: inputs.counts.map((n) => unit('month').format(n)),
    day: inputs.counts.map((n) => unit('day').format(n)),
    list: inputs.lists.map((l) => list.format(l)),
    gmt: inputs.zones.map(([zone]) => new Intl.DateTimeFormat(loc, { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(jan).find((p) => p.type === 'timeZoneName').value),
  };
}

// A locale ICU has no data of its own for (it reads ht as en-US,
// el-polyton as el) is left out, and listed.
function own(loc) {
  return new Intl.DateTimeFormat(loc).resolvedOptions().locale === loc &&
    new Intl.NumberFormat(loc).resolvedOptions().locale === loc &&
    new Intl.ListFormat(loc).resolvedOptions().locale === loc;
}

const out = { icu: process.versions.icu, cldr: process.versions.cldr, inputs, notInICU: [], locales: {} };
for (const loc of process.argv.slice(2)) {
  if (own(loc)) out.locales[loc] = locale(loc);
  else out.notInICU.push(loc);
}
process.stdout.write(JSON.stringify(out, null, 0) + '\n');
