-- One database per service; runs once, when the postgres volume is first initialised.
CREATE DATABASE members;
CREATE DATABASE matching;
CREATE DATABASE billing;
CREATE DATABASE learning;
CREATE DATABASE federation;
CREATE DATABASE gateway;
