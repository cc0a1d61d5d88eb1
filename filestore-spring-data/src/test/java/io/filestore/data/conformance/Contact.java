/*
 * Copyright 2011-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/Contact.java, adapted to FileStore.
package io.filestore.data.conformance;

import java.util.UUID;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;

/**
 * Sample contact domain class.
 * <p>
 * Adapted to FileStore: FileStore's {@code @Document}; the id given on construction is a random UUID
 * rather than a BSON {@code ObjectId} (either way, a new contact already has an id).
 *
 * @author Oliver Gierke
 */
@Document
public abstract class Contact {

	@Id protected String id;

	public Contact() {
		this.id = UUID.randomUUID().toString();
	}

	public String getId() {
		return id;
	}

	public void setId(String id) {
		this.id = id;
	}
}
