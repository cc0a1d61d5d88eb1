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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/Address.java, adapted to FileStore.
package io.filestore.data.conformance;

import org.jspecify.annotations.Nullable;
import org.springframework.util.ObjectUtils;

/**
 * Adapted to FileStore: the Querydsl {@code @QueryEmbeddable} is left out.
 *
 * @author Oliver Gierke
 */
public class Address {

	private String street;
	private String zipCode;
	private String city;

	protected Address() {

	}

	public Address(String street, String zipcode, String city) {
		this.street = street;
		this.zipCode = zipcode;
		this.city = city;
	}

	public String getStreet() {
		return street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getZipCode() {
		return zipCode;
	}

	public void setZipCode(String zipCode) {
		this.zipCode = zipCode;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	@Override
	public boolean equals(@Nullable Object o) {
		if (this == o) return true;
		if (o == null || getClass() != o.getClass()) return false;

		Address address = (Address) o;

		if (!ObjectUtils.nullSafeEquals(street, address.street)) {
			return false;
		}
		if (!ObjectUtils.nullSafeEquals(zipCode, address.zipCode)) {
			return false;
		}
		return ObjectUtils.nullSafeEquals(city, address.city);
	}

	@Override
	public int hashCode() {
		int result = ObjectUtils.nullSafeHashCode(street);
		result = 31 * result + ObjectUtils.nullSafeHashCode(zipCode);
		result = 31 * result + ObjectUtils.nullSafeHashCode(city);
		return result;
	}
}
