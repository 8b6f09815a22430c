"""Every nameko service of the system, by name, for deploy-time tasks."""

from importlib import import_module

from deploy.start import SERVICES


def service_class(name: str):
    module, class_name = SERVICES[name].split(":")
    return getattr(import_module(module), class_name)
