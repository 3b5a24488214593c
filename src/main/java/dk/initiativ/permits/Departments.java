package dk.initiativ.permits;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The configured departments ({@code initiativ.permits.departments}): which groups they are, and their names. */
@Component
public class Departments {

    private final List<DepartmentProperties.Department> departments;

    Departments(DepartmentProperties properties) {
        this.departments = properties.departments();
    }

    /** The group ids of every configured department, in the configured order. */
    public List<String> groups() {
        return departments.stream().map(DepartmentProperties.Department::group).toList();
    }

    public boolean isDepartment(String group) {
        return find(group).isPresent();
    }

    /** Those of the groups that are configured departments. */
    public List<String> departmentsAmong(Collection<String> groups) {
        return groups().stream().filter(groups::contains).toList();
    }

    /** The department's name in the language (Danish unless English), or the group id if it is not configured. */
    public String name(String group, Locale locale) {
        return find(group).map(department -> "en".equals(locale.getLanguage()) ? department.nameEn()
                : department.nameDa()).orElse(group);
    }

    private Optional<DepartmentProperties.Department> find(String group) {
        return departments.stream().filter(department -> department.group().equals(group)).findFirst();
    }
}
