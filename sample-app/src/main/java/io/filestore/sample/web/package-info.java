/** The API's error responses and the store summary the page shows. */
package io.filestore.sample.web;
