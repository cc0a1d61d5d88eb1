/** The API's error responses (RFC 9457 problems, the web server's own refusals included), the id check of path variables, and the store summary the page shows. */
package io.filestore.sample.web;
