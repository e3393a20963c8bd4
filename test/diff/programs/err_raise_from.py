# Wrapping a low-level error with `raise ... from`: the chained traceback ends in the new error.
import numpy as np


class ConfigError(Exception):
    pass


def parse_size(text):
    return int(text)


def load_config(lines):
    config = {}
    for line in lines:
        key, value = line.split("=")
        try:
            config[key.strip()] = parse_size(value.strip())
        except ValueError as e:
            raise ConfigError("bad value for %r" % key.strip()) from e
        print("read", key.strip(), config[key.strip()])
    return config


config = load_config(["input_size = 4", "hidden_size = 3", "output_size = two"])
print("never printed", config)
