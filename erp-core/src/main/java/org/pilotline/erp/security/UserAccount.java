package org.pilotline.erp.security;

import org.pilotline.platform.security.Role;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A person or client that logs in. User names are unique across the platform because a login names no enterprise;
 * which enterprise the user acts for comes from here, never from the request.
 */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    /** bcrypt in modular crypt format. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    /** The enterprise (tenant) of an enterprise user; null for the bureau, experts and platform administrators. */
    @Column(name = "enterprise_code", length = 32, updatable = false)
    public String enterpriseCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    public Set<Role> roles = EnumSet.noneOf(Role.class);

    /** The enterprises a paired expert may read. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "expert_assignment", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "enterprise_code", nullable = false, length = 32)
    public Set<String> assignedEnterprises = new HashSet<>();

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
