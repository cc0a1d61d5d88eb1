/*
 * Copyright 2010-present the original author or authors.
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
// Ported from spring-data-mongodb spring-data-mongodb/src/test/java/org/springframework/data/mongodb/repository/Person.java, adapted to FileStore.
package io.filestore.data.conformance;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.filestore.annotation.Document;
import io.filestore.annotation.Field;
import io.filestore.annotation.Indexed;

/**
 * Sample domain class.
 * <p>
 * Adapted to FileStore: FileStore's {@code @Document}, {@code @Indexed(unique = true)} and
 * {@code @Field}. Left out, with the tests that use them: the geospatial {@code location}, the
 * {@code @DBRef}, {@code @DocumentReference} and {@code @Unwrapped} users (MongoDB features). Kept: a
 * field without accessors ({@code createdAt}), a computed getter without a field ({@code getName()}),
 * an embedded object under another stored name, a set of embedded objects, an interface-typed property
 * holding a subclass, an enum, a UUID, a list, a map and a primitive.
 *
 * @author Oliver Gierke
 * @author Thomas Darimont
 * @author Christoph Strobl
 * @author Mark Paluch
 * @author Junhyeong Choi
 */
@Document
public class Person extends Contact {

	public enum Sex {
		MALE, FEMALE;
	}

	private String firstname;
	private String lastname;
	@Indexed(unique = true) private String email;
	private Integer age;
	@SuppressWarnings("unused") private Sex sex;
	Date createdAt;

	List<String> skills;

	private @Field("add") Address address;
	private Set<Address> shippingAddresses;

	private UUID uniqueId;

	Credentials credentials;

	int visits;

	Map<String, String> metadata;

	public Person() {

		this(null, null);
	}

	public Person(String firstname, String lastname) {

		this(firstname, lastname, null);
	}

	public Person(String firstname, String lastname, Integer age) {

		this(firstname, lastname, age, Sex.MALE);
	}

	public Person(String firstname, String lastname, Integer age, Sex sex) {

		super();
		this.firstname = firstname;
		this.lastname = lastname;
		this.age = age;
		this.sex = sex;
		this.email = (firstname == null ? "noone" : firstname.toLowerCase()) + "@dmband.com";
		this.createdAt = new Date();
	}

	public String getFirstname() {

		return firstname;
	}

	public void setFirstname(String firstname) {

		this.firstname = firstname;
	}

	public String getLastname() {

		return lastname;
	}

	public void setLastname(String lastname) {

		this.lastname = lastname;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public Integer getAge() {

		return age;
	}

	public void setAge(Integer age) {

		this.age = age;
	}

	public Address getAddress() {
		return address;
	}

	public void setAddress(Address address) {
		this.address = address;
	}

	public Set<Address> getShippingAddresses() {
		return shippingAddresses;
	}

	public void setShippingAddresses(Set<Address> addresses) {
		this.shippingAddresses = addresses;
	}

	public UUID getUniqueId() {
		return uniqueId;
	}

	public void setUniqueId(UUID uniqueId) {
		this.uniqueId = uniqueId;
	}

	public String getName() {
		return String.format("%s %s", firstname, lastname);
	}

	public int getVisits() {
		return visits;
	}

	public void setVisits(int visits) {
		this.visits = visits;
	}

	@Override
	public boolean equals(@Nullable Object obj) {

		if (this == obj) {
			return true;
		}

		if (obj == null || !getClass().equals(obj.getClass())) {
			return false;
		}

		Person that = (Person) obj;

		return this.getId().equals(that.getId());
	}

	public Person withAddress(Address address) {

		this.address = address;
		return this;
	}

	public void setSkills(List<String> skills) {
		this.skills = skills;
	}

	public List<String> getSkills() {
		return skills;
	}

	public Map<String, String> getMetadata() {
		return metadata;
	}

	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	@Override
	public int hashCode() {

		return getId().hashCode();
	}

	@Override
	public String toString() {
		return String.format("%s %s", firstname, lastname);
	}
}
