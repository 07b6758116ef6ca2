import { App } from 'aws-cdk-lib';
import { defineStacks } from './stacks/index.js';

const app = new App();
defineStacks(app, app.node.tryGetContext('stage') ?? 'prod');
app.synth();
