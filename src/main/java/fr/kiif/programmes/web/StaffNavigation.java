package fr.kiif.programmes.web;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.cohort.IncubatorStaffAccess;

/**
 * What the staff navigation offers ({@code coordination/nav}): the coordination's pages to coordinators only, the
 * incubator's pages to incubator staff, so nobody is shown links that would answer 403.
 */
@Component("staffNavigation")
public class StaffNavigation {

    private final IncubatorStaffAccess staffAccess;

    public StaffNavigation(IncubatorStaffAccess staffAccess) {
        this.staffAccess = staffAccess;
    }

    public boolean coordinator() {
        return staffAccess.current().map(IncubatorStaffAccess.Staff::coordinator).orElse(false);
    }
}
