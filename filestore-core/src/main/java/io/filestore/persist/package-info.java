/**
 * How collections reach the disk: persisters per strategy, the atomic batch write protocol and the
 * flush journal that makes a batch all-or-nothing across files.
 */
package io.filestore.persist;
