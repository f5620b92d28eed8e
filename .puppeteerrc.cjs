// Puppeteer drives Debian's Firefox in tests; it must never download a browser of its own.
module.exports = { skipDownload: true };
