package fr.kiif.programmes.application.process;

import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** JSON process variables (Spin), never serialized Java objects. */
final class Json {

    private Json() {
    }

    static JsonValue of(Object value) {
        return SpinValues.jsonValue(Spin.JSON(value)).create();
    }
}
