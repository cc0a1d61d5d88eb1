/** The audit trail: an append-only JSONL log of user changes, newest entries by index. */
package io.filestore.sample.audit;
