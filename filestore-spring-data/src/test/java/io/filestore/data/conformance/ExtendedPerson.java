/*
 * Copyright 2026-present the original author or authors.
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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/ExtendedPerson.java, adapted to FileStore.
package io.filestore.data.conformance;

import io.filestore.annotation.Document;

/**
 * Adapted to FileStore: FileStore's {@code @Document} (a subclass's records go to the collection of the
 * nearest class declaring {@code @Document}, so the same as {@link Person}'s: "person").
 *
 * @author Mark Paluch
 */
@Document("person")
public class ExtendedPerson extends Person {}
