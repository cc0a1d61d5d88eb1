package io.filestore.data.repository;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.annotation.Id;

import io.filestore.annotation.Document;
import io.filestore.annotation.Field;
import io.filestore.annotation.Indexed;

/** A person with an embedded address, a set of shipping addresses, a list and a map: the query tests' entity. */
@Document("people")
public class Person {
    @Id
    public String id;
    public String firstname;
    @Indexed
    public String lastname;
    @Indexed
    public Integer age;
    @Field("addr")
    public Address address;
    public Set<Address> shippingAddresses;
    public List<String> skills;
    public Map<String, String> metadata;

    public Person() {
    }

    public Person(String firstname, String lastname, Integer age) {
        this.firstname = firstname;
        this.lastname = lastname;
        this.age = age;
    }

    public Person withAddress(Address address) {
        this.address = address;
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Person person && Objects.equals(id, person.id) && Objects.equals(firstname, person.firstname)
                && Objects.equals(lastname, person.lastname) && Objects.equals(age, person.age);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, firstname, lastname, age);
    }

    @Override
    public String toString() {
        return "Person[" + firstname + " " + lastname + " " + age + "]";
    }
}
